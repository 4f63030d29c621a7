// name: groups_most_targeted
// answers: Which worker groups are targeted by the most programs and events?
// params: limit (int, default 20): how many rows
// example: graphbuild query groups_most_targeted
MATCH (p)-[:TARGETS]->(g:Group)
RETURN g.name AS group_name, count(DISTINCT p) AS programs, collect(DISTINCT p.name)[0..5] AS examples
ORDER BY programs DESC, group_name
LIMIT $limit
