// name: two_hops
// answers: What lies within two relations of an entity (provenance edges left out)?
// params: name (string): the entity's canonical name or an alias
// example: graphbuild query two_hops --param name=高兴亮
MATCH p = (n)-[*1..2]-(m)
WHERE (n.name = $name OR $name IN n.aliases) AND NOT m:Article AND m <> n
  AND all(r IN relationships(p) WHERE type(r) <> "MENTIONED_IN")
RETURN DISTINCT m.name AS entity, labels(m)[0] AS type, min(length(p)) AS hops
ORDER BY hops, type, entity
