import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { NagPack } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENTS, compliancePacks } from '../../lib/compliance.ts';
import { PROJECT_ROOT } from '../../lib/constructs/rabhan-function.ts';
import type { RabhanStacks } from '../../lib/rabhan-app.ts';
import { buildTestApp } from './support/test-app.ts';

interface Finding {
  readonly rule: string;
  readonly paths: readonly string[];
}

/**
 * cdk-nag 3 runs as a policy-validation plugin and reports through the validation report, not annotations, so
 * the packs are run here directly on the synthesized construct tree.
 */
function findings(pack: NagPack, app: App): Finding[] {
  return pack.validateScope(app).violations.map((violation) => ({
    rule: violation.ruleName,
    paths: violation.violatingResources.map((resource) => resource.constructPath ?? '?'),
  }));
}

function withoutAcknowledgements(pack: NagPack): NagPack {
  (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return pack;
}

describe('compliance', () => {
  let app: App;
  let stacks: RabhanStacks;

  beforeAll(() => {
    ({ app, stacks } = buildTestApp());
    app.synth();
  });

  it('passes the AWS Solutions, PCI DSS 3.2.1 and NIST 800-53 rev 5 packs with no unacknowledged finding', () => {
    // Arrange
    const packs = compliancePacks();

    // Act
    const unacknowledged = packs.flatMap((pack) => findings(pack, app));

    // Assert
    expect(packs.map((pack) => pack.readPackName)).toEqual(['AwsSolutions', 'PCI.DSS.321', 'NIST.800.53.R5']);
    expect(unacknowledged).toEqual([]);
  });

  it('leaves no error annotation on any stack, residency errors included', () => {
    // Arrange
    const allStacks = Object.values(stacks);

    // Act
    const errors = allStacks.flatMap((stack) => Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('.*')));

    // Assert
    expect(errors).toEqual([]);
  });

  it('acknowledges only findings the packs would otherwise report', () => {
    // Arrange
    const raw = new Set(compliancePacks().flatMap((pack) => findings(withoutAcknowledgements(pack), app).map((finding) => finding.rule)));

    // Act
    const unused = Object.entries(ACKNOWLEDGEMENTS).flatMap(([name, acknowledgement]) =>
      acknowledgement.ruleIds.filter((id) => !raw.has(id)).map((id) => `${name}: ${id}`),
    );

    // Assert
    expect(unused).toEqual([]);
  });

  it('records every acknowledgement in the tree with a reason from the registry, never an ad-hoc one', () => {
    // Arrange
    const registered = new Set(Object.values(ACKNOWLEDGEMENTS).flatMap((entry) => entry.ruleIds.map((id) => `${id} ${entry.reason}`)));

    // Act
    const recorded = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => `${id.replace(/^annotation::/i, '')} ${reason}`);

    // Assert
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.filter((entry) => !registered.has(entry))).toEqual([]);
  });

  it('gives every acknowledgement a specific reason and documents it in docs/deployment.md', () => {
    // Arrange
    const documentation = readFileSync(path.join(PROJECT_ROOT, 'docs', 'deployment.md'), 'utf8');

    // Act
    const entries = Object.entries(ACKNOWLEDGEMENTS);

    // Assert
    for (const [name, entry] of entries) {
      expect(entry.reason.length, name).toBeGreaterThanOrEqual(80);
      expect(documentation, name).toContain(`\`${name}\``);
      for (const id of entry.ruleIds) expect(documentation, `${name} ${id}`).toContain(id);
    }
  });
});
