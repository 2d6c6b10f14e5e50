import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from './project-root.ts';

describe('findProjectRoot', () => {
  const root = mkdtempSync(join(tmpdir(), 'project-root-'));
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'dist/web/server'), { recursive: true });
  mkdirSync(join(root, 'system'), { recursive: true });

  it.each(['system', 'dist/system', 'dist/web/server'])('finds the root from %s, at any depth', (folder) => {
    expect(findProjectRoot(join(root, folder))).toBe(root);
  });
});
