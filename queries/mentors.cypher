// name: mentors
// answers: Who mentors whom, and where do the master and the apprentice work?
// params: none
// example: graphbuild query mentors
MATCH (m:Person)-[:MENTORS]->(a:Person)
OPTIONAL MATCH (m)-[:WORKS_AT]->(mb)
OPTIONAL MATCH (a)-[:WORKS_AT]->(ab)
RETURN m.name AS master, collect(DISTINCT mb.name) AS master_works_at, a.name AS apprentice, collect(DISTINCT ab.name) AS apprentice_works_at
ORDER BY master, apprentice
