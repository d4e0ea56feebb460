/**
 * Vitest's order, except that the API fuzz test starts first among the e2e files. It is the longest by far, and
 * vitest orders files it has no timings for (a fresh clone, as in CI) by size, which put it last: the journeys then
 * finished on both cores and the fuzz test ran alone. Started first, it runs on one core while the journeys fill
 * the other.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FILE = 'test/e2e/api-fuzz.test.ts';

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const longest = sorted.find((file) => file.moduleId.endsWith(LONGEST_FILE));
    if (longest === undefined) return sorted;
    const rest = sorted.filter((file) => file !== longest);
    const firstOfItsProject = rest.findIndex((file) => file.project.name === longest.project.name);
    return firstOfItsProject < 0 ? sorted : [...rest.slice(0, firstOfItsProject), longest, ...rest.slice(firstOfItsProject)];
  }
}
