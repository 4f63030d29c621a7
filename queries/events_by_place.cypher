// name: events_by_place
// answers: Which events took place where (with the province above the place when known)?
// params: none
// example: graphbuild query events_by_place
MATCH (e:Event)-[:LOCATED_IN]->(pl:Place)
OPTIONAL MATCH (pl)-[:PART_OF*1..3]->(up:Place)
RETURN pl.name AS place, collect(DISTINCT up.name) AS within, collect(DISTINCT e.name) AS events
ORDER BY place
