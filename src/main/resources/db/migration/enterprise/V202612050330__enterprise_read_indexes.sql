-- Issue 17, district scale (20,000 enterprises; docs/benchmarks.md): the list's default order (name, then id) from an
-- index instead of sorting the registry on every page.
create index if not exists ent_enterprise_name_order_idx on ent_enterprise (name, id);
