// name: relation_evidence
// answers: Which sentences, in which articles, state the relations between two entities?
// params: head (string): first entity's name; tail (string): second entity's name
// example: graphbuild query relation_evidence --param head=徐海荣 --param tail=山东省总工会
MATCH (a)-[r]->(b)
WHERE a.name = $head AND b.name = $tail AND type(r) <> "MENTIONED_IN"
RETURN a.name AS head, type(r) AS relation, b.name AS tail, r.title AS title, r.doc_ids AS articles, r.sentences AS sentences
