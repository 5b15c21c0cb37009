// careergraph schema (docs/design.md, "Graph schema"): unique keys, and the indexes the
// library queries use. Every statement is idempotent (IF NOT EXISTS); graph/neo4j/seeding.py
// applies them one by one before seeding.

// Several datasets live side by side: every node carries `dataset` (its id), and codes
// and keys are unique per dataset. The single-key constraints of the one-dataset schema
// are dropped first, so an older database upgrades in place.
DROP CONSTRAINT family_number IF EXISTS;
DROP CONSTRAINT role_code IF EXISTS;
DROP CONSTRAINT area_code IF EXISTS;
DROP CONSTRAINT competence_code IF EXISTS;
DROP CONSTRAINT proficiency_level_key IF EXISTS;
DROP CONSTRAINT knowledge_key IF EXISTS;
DROP CONSTRAINT skill_key IF EXISTS;
DROP CONSTRAINT dataset_name IF EXISTS;
CREATE CONSTRAINT family_code IF NOT EXISTS FOR (n:Family) REQUIRE (n.dataset, n.code) IS UNIQUE;
CREATE CONSTRAINT role_code_per_dataset IF NOT EXISTS FOR (n:Role) REQUIRE (n.dataset, n.code) IS UNIQUE;
CREATE CONSTRAINT area_code_per_dataset IF NOT EXISTS FOR (n:Area) REQUIRE (n.dataset, n.code) IS UNIQUE;
CREATE CONSTRAINT competence_code_per_dataset IF NOT EXISTS FOR (n:Competence) REQUIRE (n.dataset, n.code) IS UNIQUE;
CREATE CONSTRAINT proficiency_level_key_per_dataset IF NOT EXISTS FOR (n:ProficiencyLevel) REQUIRE (n.dataset, n.key) IS UNIQUE;
CREATE CONSTRAINT knowledge_key_per_dataset IF NOT EXISTS FOR (n:Knowledge) REQUIRE (n.dataset, n.key) IS UNIQUE;
CREATE CONSTRAINT skill_key_per_dataset IF NOT EXISTS FOR (n:Skill) REQUIRE (n.dataset, n.key) IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;

// Natural order within a dataset (`rank`, set at seeding): 4.9 before 4.10.
CREATE INDEX role_rank IF NOT EXISTS FOR (n:Role) ON (n.dataset, n.rank);
CREATE INDEX competence_rank IF NOT EXISTS FOR (n:Competence) ON (n.dataset, n.rank);
// roles_requiring / competence_heatmap filter requirements by level.
CREATE INDEX requires_level IF NOT EXISTS FOR ()-[r:REQUIRES]-() ON (r.level);
// career_links / next_moves / shortest_moves filter links by kind.
CREATE INDEX career_link_kind IF NOT EXISTS FOR ()-[r:CAREER_LINK]-() ON (r.kind);
// Full-text search for analysts' own queries (docs/analyst-console.md): words in role
// titles and missions. The library's role_search ranks as the API does, without it.
CREATE FULLTEXT INDEX role_text IF NOT EXISTS FOR (n:Role) ON EACH [n.title, n.mission];
// Likewise: words in competence titles and descriptions.
CREATE FULLTEXT INDEX competence_text IF NOT EXISTS FOR (n:Competence) ON EACH [n.title, n.description];
