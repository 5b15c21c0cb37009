// next_moves: the roles worth moving to from role $source, as the service ranks them.
//
// Purpose: the default next moves (docs/recommendations.md, "Next moves"): every other
//   role that is not a step down, plus the moves the source states from $source (any
//   direction), stated moves first, then by relatedness (rounded to 4 places), fewer level
//   steps, role order. relatedness = (cos(levels) + wt cos(title words) + wd cos(description
//   words) + wf [same family]) / (1 + wt + wd + wf), the weights stored on the Dataset node;
//   cos(levels) over the two roles' entry levels (REQUIRES.level); the word cosines multiply
//   the idf-weighted unit vectors seeding writes on each Role (title_words/title_weights,
//   description_words/description_weights: tokenising and idf stay in Python). direction:
//   by Job Zone when both roles have one (higher: up; same: lateral; two or more lower:
//   down; one lower: down only when the level mass says down), else by level mass (the sum
//   of the entry levels): under step_down of the source's mass down, over mass / step_down
//   up, else lateral. coverage and level_steps as in gap: steps sum max(0, target entry
//   level - source entry level) over the target's requirements.
// Parameters: $source role code; $limit how many roles.
// Example: {"source": "3.2", "limit": 10}
// Columns: code, title, relatedness, direction, coverage, level_steps, documented
// Twin: graph.algorithms.moves.next_moves — default direction and documented, for the holder of role $source
MATCH (d:Dataset {id: $dataset}), (source:Role {dataset: $dataset, code: $source})
  -[:IN_FAMILY]->(family:Family)
CALL (source) {
  OPTIONAL MATCH (source)-[held:REQUIRES]->(:Competence)
  RETURN sum(held.level) AS mass, sqrt(toFloat(sum(held.level * held.level))) AS norm
}
MATCH (target:Role {dataset: $dataset})-[:IN_FAMILY]->(target_family:Family)
WHERE target <> source
CALL (source, target) {
  OPTIONAL MATCH (target)-[required:REQUIRES]->(c:Competence)
  OPTIONAL MATCH (source)-[held:REQUIRES]->(c)
  WITH coalesce(required.level, 0) AS need, coalesce(held.level, 0) AS have
  RETURN sum(CASE WHEN need > have THEN need - have ELSE 0 END) AS level_steps,
         sum(need) AS required_steps, sum(need * have) AS product,
         sqrt(toFloat(sum(need * need))) AS target_norm
}
WITH d, source, target, family = target_family AS same_family, mass, level_steps,
     required_steps,
     CASE WHEN target_norm * norm > 0 THEN toFloat(product) / (target_norm * norm)
       ELSE 0.0 END AS levels,
     // Over the shared words in the source's order, as the sparse product sums them.
     reduce(s = 0.0, i IN [i IN range(0, size(source.title_words) - 1)
                           WHERE source.title_words[i] IN target.title_words] |
       s + source.title_weights[i] * [j IN range(0, size(target.title_words) - 1)
         WHERE target.title_words[j] = source.title_words[i] | target.title_weights[j]][0]
     ) AS titles,
     reduce(s = 0.0, i IN [i IN range(0, size(source.description_words) - 1)
                           WHERE source.description_words[i] IN target.description_words] |
       s + source.description_weights[i] * [j IN range(0, size(target.description_words) - 1)
         WHERE target.description_words[j] = source.description_words[i]
         | target.description_weights[j]][0]
     ) AS descriptions
WITH source, target, level_steps, required_steps,
     round((levels + d.relatedness_title_weight * titles
            + d.relatedness_description_weight * descriptions
            + d.relatedness_family_weight * CASE WHEN same_family THEN 1.0 ELSE 0.0 END)
           / (1.0 + d.relatedness_title_weight + d.relatedness_description_weight
              + d.relatedness_family_weight), 4, 'HALF_EVEN') AS relatedness,
     CASE WHEN required_steps < d.step_down * mass THEN 'down'
       WHEN required_steps * d.step_down > mass THEN 'up'
       ELSE 'lateral' END AS by_mass,
     EXISTS { (source)-[:CAREER_LINK {kind: 'documented'}]->(target) } AS documented
WITH target, level_steps, required_steps, relatedness, documented,
     CASE WHEN coalesce(source.job_zone, 0) = 0 OR coalesce(target.job_zone, 0) = 0 THEN by_mass
       WHEN target.job_zone > source.job_zone THEN 'up'
       WHEN target.job_zone = source.job_zone THEN 'lateral'
       WHEN target.job_zone < source.job_zone - 1 OR by_mass = 'down' THEN 'down'
       ELSE 'lateral' END AS direction
WHERE direction <> 'down' OR documented
RETURN target.code AS code, target.title AS title, relatedness, direction,
       CASE required_steps WHEN 0 THEN 1.0
         ELSE round(1.0 - toFloat(level_steps) / required_steps, 4, 'HALF_EVEN') END AS coverage,
       level_steps, documented
ORDER BY documented DESC, relatedness DESC, level_steps, target.rank
LIMIT $limit
