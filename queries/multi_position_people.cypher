// name: multi_position_people
// answers: Which people hold positions in more than one body, and which?
// params: min_bodies (int, default 2): at least this many employers
// example: graphbuild query multi_position_people
MATCH (p:Person)-[w:WORKS_AT]->(b)
WITH p, collect(b.name) AS bodies, collect(w.title) AS titles
WHERE size(bodies) >= $min_bodies
RETURN p.name AS person, bodies, titles
ORDER BY size(bodies) DESC, person
