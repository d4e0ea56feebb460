import { describe, expect, it } from 'vitest';
import { javaMajorVersionOf } from '../../../../lib/local/local-cloud.ts';

describe('the Java prerequisite check', () => {
  it('reads the major version from what `java -version` prints, old and new numbering alike', () => {
    expect(javaMajorVersionOf('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(javaMajorVersionOf('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajorVersionOf('java version "1.8.0_392"\nJava(TM) SE Runtime Environment')).toBe(8);
    expect(javaMajorVersionOf('openjdk version "11.0.22" 2024-01-16')).toBe(11);
  });

  it('finds no version in output that is not from Java', () => {
    expect(javaMajorVersionOf('bash: java: command not found')).toBeUndefined();
  });
});
