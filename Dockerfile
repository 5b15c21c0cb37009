# The careergraph service: API + web UI. Build: docker build -t careergraph .
FROM node:20-bookworm-slim AS ui
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY app ./app
COPY graph ./graph
COPY seed ./seed
COPY cypher ./cypher
# The built UI is package data (careergraph_ui): copy it in before installing the wheel.
COPY --from=ui /src/frontend/dist ./frontend/dist
RUN pip install --no-cache-dir . && rm -rf /app/build && useradd --system --uid 10001 careergraph
USER careergraph
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
CMD ["careergraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
