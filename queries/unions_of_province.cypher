// name: unions_of_province
// answers: Which unions are located in a province (directly or through its cities and counties), and what do they run?
// params: province (string): the province's name, e.g. 山东省
// example: graphbuild query unions_of_province --param province=吉林省
MATCH (u:Union)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..3]->(pr:Place)
WHERE pr.name = $province OR $province IN pr.aliases
OPTIONAL MATCH (u)-[:ORGANIZES]->(p)
RETURN u.name AS union, collect(DISTINCT p.name) AS programs
ORDER BY union
