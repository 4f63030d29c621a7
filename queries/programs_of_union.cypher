// name: programs_of_union
// answers: Which programs and events does a union organize, and which worker groups do they target?
// params: union (string): the union's canonical name or one of its aliases
// example: graphbuild query programs_of_union --param union=白山市总工会
MATCH (u:Union)-[:ORGANIZES]->(p)
WHERE u.name = $union OR $union IN u.aliases
OPTIONAL MATCH (p)-[:TARGETS]->(g:Group)
RETURN u.name AS union, p.name AS program, labels(p)[0] AS kind, collect(DISTINCT g.name) AS targets
ORDER BY program
