// name: award_holders
// answers: Who holds an award (by name substring), where do they work, and in what position?
// params: award (string, default 劳动): a substring of the award's name
// example: graphbuild query award_holders --param award=五一劳动奖章
MATCH (h)-[a:AWARDED]->(w:Award)
WHERE w.name CONTAINS $award
OPTIONAL MATCH (h)-[job:WORKS_AT]->(b)
RETURN w.name AS award, h.name AS holder, labels(h)[0] AS holder_type, a.year AS year,
       collect(DISTINCT b.name) AS works_at, collect(DISTINCT job.title) AS titles
ORDER BY award, holder
