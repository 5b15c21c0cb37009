// Workforce schema (docs/design.md, "Workforce"): a person's id is unique within a dataset,
// one Workforce stamp per dataset, and the heatmap's grouping by unit is indexed.
// Idempotent; graph/neo4j/workforce.py applies it before every write.
CREATE CONSTRAINT person_id_per_dataset IF NOT EXISTS FOR (n:Person) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT workforce_per_dataset IF NOT EXISTS FOR (n:Workforce) REQUIRE n.dataset IS UNIQUE;
CREATE INDEX person_unit IF NOT EXISTS FOR (n:Person) ON (n.dataset, n.unit);
CREATE CONSTRAINT workforce_writer_per_dataset IF NOT EXISTS FOR (n:WorkforceWriter) REQUIRE n.dataset IS UNIQUE;
