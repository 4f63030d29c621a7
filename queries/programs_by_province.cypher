// name: programs_by_province
// answers: How many programs do the unions of each province run (through their cities and counties)?
// params: none
// example: graphbuild query programs_by_province
MATCH (u:Union)-[:ORGANIZES]->(p:Program)
MATCH (u)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..3]->(pr:Place)
WHERE NOT (pr)-[:PART_OF]->(:Place)
RETURN pr.name AS province, count(DISTINCT p) AS programs, count(DISTINCT u) AS unions
ORDER BY programs DESC, province
