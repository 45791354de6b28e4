import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '@zoom-oomnitza-sync/testing';
import { WORKSPACE_ROOT } from './lint-probe';

interface ProjectGraph {
  nodes: Record<string, { data: { root: string; tags?: string[] } }>;
  dependencies: Record<string, { source: string; target: string; type: string }[]>;
}

describe('the project graph (nx graph)', () => {
  let graph: ProjectGraph;

  beforeAll(async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'project-graph-'));
    try {
      const file = path.join(directory, 'graph.json');
      const nx = await runCommand(
        process.execPath,
        [require.resolve('nx/bin/nx', { paths: [WORKSPACE_ROOT] }), 'graph', `--file=${file}`],
        {
          cwd: WORKSPACE_ROOT,
          env: { ...process.env, NX_DAEMON: 'false' },
        },
      );
      expect(nx).toMatchObject({ code: 0 });
      graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: ProjectGraph }).graph;
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  const tagsOf = (project: string) => graph.nodes[project]?.data.tags ?? [];
  const projectsTagged = (tag: string) => Object.keys(graph.nodes).filter((project) => tagsOf(project).includes(tag));

  it('tags every project with its tier and its type', () => {
    const untagged = Object.keys(graph.nodes).filter(
      (project) =>
        !tagsOf(project).some((tag) => ['scope:product', 'scope:devkit'].includes(tag)) ||
        !tagsOf(project).some((tag) => ['type:app', 'type:lib', 'type:tool'].includes(tag)),
    );
    expect(untagged).toEqual([]);
    expect(projectsTagged('scope:product').map((project) => graph.nodes[project].data.root.split('/')[0])).not.toContain('tools');
    expect(projectsTagged('scope:devkit').map((project) => graph.nodes[project].data.root.split('/')[0])).not.toContain('apps');
  });

  it('has no arrow from the product to the dev kit', () => {
    const devkit = new Set(projectsTagged('scope:devkit'));
    const arrows = projectsTagged('scope:product').flatMap((project) =>
      (graph.dependencies[project] ?? [])
        .filter((dependency) => devkit.has(dependency.target))
        .map((dependency) => `${project} -> ${dependency.target}`),
    );
    expect(arrows).toEqual([]);
  });

  it('knows that the local platform runs every service, so a change to one affects the system tests', () => {
    const services = Object.keys(graph.nodes).filter(
      (project) => tagsOf(project).includes('type:app') && tagsOf(project).includes('scope:product'),
    );
    expect(services).toHaveLength(6);
    const runs = (graph.dependencies['local-platform'] ?? []).map((dependency) => dependency.target);
    expect(runs).toEqual(expect.arrayContaining(services));
  });
});
