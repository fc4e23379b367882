import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE_MAJOR, describeRuntime, nodeMajor } from './node-runtime';

describe('node runtime', () => {
  it.each([
    ['v24.21.0', 24],
    ['v20.20.2', 20],
    ['24.0.0', 24],
  ])('reads the major of %s', (version, major) => {
    expect(nodeMajor(version)).toBe(major);
  });

  it('runs the tests on the supported Node (the bundled node_modules/.bin/node)', () => {
    expect(nodeMajor()).toBe(SUPPORTED_NODE_MAJOR);
    expect(describeRuntime('test')).not.toContain('WARNING');
  });
});
