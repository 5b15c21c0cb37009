// careergraph schema (docs/design.md, "Graph schema"): unique keys, and the indexes the
// library queries use. Every statement is idempotent (IF NOT EXISTS); graph/neo4j/seeding.py
// applies them one by one before seeding.

CREATE CONSTRAINT family_number IF NOT EXISTS FOR (n:Family) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT role_code IF NOT EXISTS FOR (n:Role) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT area_code IF NOT EXISTS FOR (n:Area) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT competence_code IF NOT EXISTS FOR (n:Competence) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT proficiency_level_key IF NOT EXISTS FOR (n:ProficiencyLevel) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT knowledge_key IF NOT EXISTS FOR (n:Knowledge) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT skill_key IF NOT EXISTS FOR (n:Skill) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (n:Dataset) REQUIRE n.name IS UNIQUE;

// roles_requiring / competence_heatmap filter requirements by level.
CREATE INDEX requires_level IF NOT EXISTS FOR ()-[r:REQUIRES]-() ON (r.level);
// career_links / next_moves / shortest_moves filter links by kind.
CREATE INDEX career_link_kind IF NOT EXISTS FOR ()-[r:CAREER_LINK]-() ON (r.kind);
// Full-text search for analysts' own queries (docs/analyst-console.md): words in role
// titles and missions. The library's role_search ranks as the API does, without it.
CREATE FULLTEXT INDEX role_text IF NOT EXISTS FOR (n:Role) ON EACH [n.title, n.mission];
// Likewise: words in competence titles and descriptions.
CREATE FULLTEXT INDEX competence_text IF NOT EXISTS FOR (n:Competence) ON EACH [n.title, n.description];
