// name: new_entities_per_article
// answers: How many entities does each article bring into the graph for the first time, and which?
// params: none
// example: graphbuild query new_entities_per_article
MATCH (n)-[:MENTIONED_IN]->(a:Article)
WHERE n.first_article = a.doc_id
RETURN a.doc_id AS article, a.title AS title, count(n) AS new_entities, collect(n.name)[0..8] AS examples
ORDER BY article
