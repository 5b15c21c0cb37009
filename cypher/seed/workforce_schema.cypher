// Workforce schema (docs/design.md, "Workforce"): a person's id is unique within one import
// of a dataset, readers find an import's people by (dataset, import), one Workforce stamp
// and one writer per dataset. The constraint and index of the layout before imports had
// ids (one person per dataset id) are dropped. Idempotent; graph/neo4j/workforce.py
// applies it before every write.
DROP CONSTRAINT person_id_per_dataset IF EXISTS;
DROP INDEX person_unit IF EXISTS;
CREATE CONSTRAINT person_id_per_import IF NOT EXISTS FOR (n:Person) REQUIRE (n.dataset, n.id, n.import) IS UNIQUE;
CREATE INDEX person_import IF NOT EXISTS FOR (n:Person) ON (n.dataset, n.import);
CREATE CONSTRAINT workforce_per_dataset IF NOT EXISTS FOR (n:Workforce) REQUIRE n.dataset IS UNIQUE;
CREATE CONSTRAINT workforce_writer_per_dataset IF NOT EXISTS FOR (n:WorkforceWriter) REQUIRE n.dataset IS UNIQUE;
