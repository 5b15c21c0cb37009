// Seed: delete requirements and career links of dataset $dataset that its new release
// does not have (the other relationships follow from node keys and go with their nodes).
// Parameters: $dataset, $requires: [[role, competence]], $career_links: [[source, target, kind]].
MATCH (a:Role {dataset: $dataset})-[x:REQUIRES|CAREER_LINK]->(b)
WITH x, CASE type(x)
          WHEN 'REQUIRES' THEN NOT [a.code, b.code] IN $requires
          ELSE NOT [a.code, b.code, x.kind] IN $career_links
        END AS stale
WHERE stale
DELETE x
RETURN count(*) AS deleted
