// name: partners
// answers: Who works jointly with whom, and in how many sentences is it stated?
// params: name (string, default ""): restrict to pairs involving this body ("" for all)
// example: graphbuild query partners --param name=白山市总工会
MATCH (a)-[r:PARTNERS_WITH]->(b)
WHERE $name = "" OR a.name = $name OR b.name = $name
RETURN a.name AS body, b.name AS partner, size(r.sentences) AS statements
ORDER BY statements DESC, body, partner
