/**
 * A long list to choose from (a catalogue's 894 roles), as a search box that lists what
 * matches: the ARIA 1.2 combobox with a listbox popup. A native select that long is
 * unusable on a phone and as wide as its longest option (it widened whole pages).
 * Keyboard: type to narrow, ArrowDown/ArrowUp to move, Enter to choose, Escape to close.
 */
import { useId, useState, type KeyboardEvent } from "react";
import { plural } from "../lib/format";

export interface SearchOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: SearchOption[];
  onChange: (value: string) => void;
  /** The chosen option, shown in the box; none for a picker that adds to a list. */
  value?: string;
  placeholder?: string;
  /** What the options are, for the "N more" hint ("role"). */
  noun: string;
}

/** The matches listed at once: type more to see others. */
const SHOWN = 30;

/** The options whose label holds every word typed, in their order. */
export function matching(options: SearchOption[], text: string): SearchOption[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return options.filter((option) => {
    const label = option.label.toLowerCase();
    return words.every((word) => label.includes(word));
  });
}

export function SearchSelect({ label, options, onChange, value, placeholder, noun }: Props) {
  const id = useId();
  const chosen = options.find((option) => option.value === value);
  const [text, setText] = useState<string | null>(null); // null: not typing, show the choice
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const found = matching(options, text ?? "");
  const shown = found.slice(0, SHOWN);
  const optionId = (index: number) => `${id}-option-${index}`;

  const close = () => {
    setOpen(false);
    setText(null);
  };
  const choose = (option: SearchOption) => {
    close();
    onChange(option.value);
  };
  const move = (by: number) => {
    setOpen(true);
    setActive((current) => (shown.length ? (current + by + shown.length) % shown.length : 0));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") move(open ? 1 : 0);
    else if (event.key === "ArrowUp") move(open ? -1 : 0);
    else if (event.key === "Enter" && open && shown[active]) choose(shown[active]);
    else if (event.key === "Escape" && open) close();
    else return;
    event.preventDefault();
  };

  return (
    <div className="search-select">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text ?? chosen?.label ?? ""}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="search-select-options" hidden={!open}>
        {shown.map((option, index) => (
          <li
            key={option.value}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Chosen on mousedown: the input's blur would close the list before a click.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.label}
          </li>
        ))}
        {shown.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="hint">
            No {noun} matches “{text}”.
          </li>
        )}
      </ul>
      {open && found.length > shown.length && (
        <p className="hint search-select-more">
          {plural(found.length - shown.length, noun)} more: type part of a title to narrow.
        </p>
      )}
    </div>
  );
}
