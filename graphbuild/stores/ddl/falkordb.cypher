// FalkorDB DDL for graphbuild: unnamed exact-match indexes (FalkorDB has no named
// indexes, constraints with IF NOT EXISTS, or CJK full-text analyzers).
CREATE INDEX FOR (n:Union) ON (n.key);
CREATE INDEX FOR (n:Union) ON (n.name);
CREATE INDEX FOR (n:Enterprise) ON (n.key);
CREATE INDEX FOR (n:Enterprise) ON (n.name);
CREATE INDEX FOR (n:Organization) ON (n.key);
CREATE INDEX FOR (n:Organization) ON (n.name);
CREATE INDEX FOR (n:Person) ON (n.key);
CREATE INDEX FOR (n:Person) ON (n.name);
CREATE INDEX FOR (n:Place) ON (n.key);
CREATE INDEX FOR (n:Place) ON (n.name);
CREATE INDEX FOR (n:Program) ON (n.key);
CREATE INDEX FOR (n:Program) ON (n.name);
CREATE INDEX FOR (n:Event) ON (n.key);
CREATE INDEX FOR (n:Event) ON (n.name);
CREATE INDEX FOR (n:Award) ON (n.key);
CREATE INDEX FOR (n:Award) ON (n.name);
CREATE INDEX FOR (n:Group) ON (n.key);
CREATE INDEX FOR (n:Group) ON (n.name);
CREATE INDEX FOR (n:Article) ON (n.key);
CREATE INDEX FOR (n:Article) ON (n.name);
