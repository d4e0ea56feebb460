import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { ResidencyReplicationGuard } from '../../lib/aspects/residency-replication-guard.ts';
import { PROJECT_ROOT } from '../../lib/constructs/rabhan-function.ts';
import { parseAllowedRegions, resolveDeploymentTarget, ResidencyRefusalError, type ResidencyInputs } from '../../lib/residency.ts';
import { buildTestApp, TEST_TARGET } from './support/test-app.ts';

function inputs(context: Record<string, unknown>, environment: Record<string, string> = {}): ResidencyInputs {
  return { context: (key) => context[key], environment };
}

function refusal(act: () => unknown): ResidencyRefusalError {
  try {
    act();
  } catch (error) {
    if (error instanceof ResidencyRefusalError) return error;
    throw error;
  }
  throw new Error('Expected a residency refusal');
}

describe('the residency guard', () => {
  it('accepts an explicit account and a region listed in allowedRegions', () => {
    // Arrange
    const given = inputs({ account: '123456789012', region: 'xx-test-1', allowedRegions: 'xx-test-1,xx-test-2' });

    // Act
    const target = resolveDeploymentTarget(given);

    // Assert
    expect(target).toEqual({ account: '123456789012', region: 'xx-test-1', residencyCountry: 'SA', allowedRegions: ['xx-test-1', 'xx-test-2'] });
  });

  it('falls back to CDK_DEPLOY_* and then CDK_DEFAULT_* when the context names no account or region', () => {
    // Arrange
    const given = inputs({ allowedRegions: 'xx-test-2' }, { CDK_DEFAULT_ACCOUNT: '210987654321', CDK_DEPLOY_REGION: 'xx-test-2', CDK_DEFAULT_REGION: 'us-east-1' });

    // Act
    const target = resolveDeploymentTarget(given);

    // Assert
    expect(target.account).toBe('210987654321');
    expect(target.region).toBe('xx-test-2');
  });

  it('refuses a region outside allowedRegions, naming the rule, the region and how to allow regions', () => {
    // Arrange
    const given = inputs({ account: '123456789012', region: 'us-east-1', allowedRegions: 'xx-test-1' });

    // Act
    const error = refusal(() => resolveDeploymentTarget(given));

    // Assert
    expect(error.reason).toBe('REGION_NOT_ALLOWED');
    expect(error.message).toContain('data residency rule SA');
    expect(error.message).toContain('region us-east-1');
    expect(error.message).toContain('-c allowedRegions=');
    expect(error.message).toContain('cdk.json');
    expect(error.message).not.toContain('\n');
  });

  it('refuses every region while the shipped allowedRegions list is still empty', () => {
    // Arrange
    const given = inputs({ account: '123456789012', region: 'xx-test-1', allowedRegions: '' });

    // Act
    const error = refusal(() => resolveDeploymentTarget(given));

    // Assert
    expect(error.reason).toBe('REGION_NOT_ALLOWED');
    expect(error.message).toContain('none are allowed yet');
  });

  it('refuses to guess a missing region and says which rule needs it', () => {
    // Arrange
    const given = inputs({ account: '123456789012', allowedRegions: 'xx-test-1' });

    // Act
    const error = refusal(() => resolveDeploymentTarget(given));

    // Assert
    expect(error.reason).toBe('REGION_MISSING');
    expect(error.message).toContain('data residency rule SA');
    expect(error.message).toContain('region is missing');
  });

  it('refuses a missing or malformed account and names the region it was meant for', () => {
    // Arrange
    const missing = inputs({ region: 'xx-test-1', allowedRegions: 'xx-test-1' });
    const malformed = inputs({ account: 'not-an-account', region: 'xx-test-1', allowedRegions: 'xx-test-1' });

    // Act
    const missingError = refusal(() => resolveDeploymentTarget(missing));
    const malformedError = refusal(() => resolveDeploymentTarget(malformed));

    // Assert
    expect(missingError.reason).toBe('ACCOUNT_MISSING');
    expect(missingError.message).toMatch(/data residency rule SA.*region xx-test-1/);
    expect(malformedError.reason).toBe('ACCOUNT_INVALID');
  });

  it('names the residency country given in the context instead of the default', () => {
    // Arrange
    const given = inputs({ residencyCountry: 'AE', account: '123456789012', region: 'us-east-1', allowedRegions: 'xx-test-1' });

    // Act
    const error = refusal(() => resolveDeploymentTarget(given));

    // Assert
    expect(error.residencyCountry).toBe('AE');
    expect(error.message).toContain('data residency rule AE');
  });

  it('reads allowedRegions from a comma-separated string or a cdk.json array, ignoring blanks', () => {
    // Arrange
    const fromFlag = ' xx-test-1, ,xx-test-2 ';
    const fromJson = ['xx-test-1', '', 'xx-test-2'];

    // Act
    const parsed = [parseAllowedRegions(fromFlag), parseAllowedRegions(fromJson), parseAllowedRegions(undefined)];

    // Assert
    expect(parsed).toEqual([['xx-test-1', 'xx-test-2'], ['xx-test-1', 'xx-test-2'], []]);
  });
});

describe('the app under the residency rule', () => {
  it('synthesizes every stack in the allowed region and account', () => {
    // Arrange and Act
    const { stacks } = buildTestApp();

    // Assert
    for (const stack of Object.values(stacks)) {
      expect(stack.region).toBe(TEST_TARGET.region);
      expect(stack.account).toBe(TEST_TARGET.account);
    }
  });

  it('exits non-zero from the CLI entry point with the one-line refusal on stderr for a disallowed region', () => {
    // Arrange
    const outdir = mkdtempSync(path.join(tmpdir(), 'rabhan-residency-'));
    const context = { account: '123456789012', region: 'us-east-1', allowedRegions: 'xx-test-1' };

    // Act
    const result = spawnSync('npx', ['tsx', 'bin/app.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir },
      encoding: 'utf8',
    });
    rmSync(outdir, { recursive: true, force: true });

    // Assert
    expect(result.status).not.toBe(0);
    const refusalLine = result.stderr.split('\n').find((line) => line.startsWith('Refusing to synthesize'));
    expect(refusalLine).toMatch(/data residency rule SA does not allow region us-east-1/);
    expect(refusalLine).toContain('-c allowedRegions=');
  });
});

describe('the replication guard', () => {
  function guardedStack(): { app: App; stack: Stack } {
    const app = new App();
    const stack = new Stack(app, 'Guarded', { env: { account: TEST_TARGET.account, region: TEST_TARGET.region } });
    Aspects.of(app).add(new ResidencyReplicationGuard(TEST_TARGET));
    return { app, stack };
  }

  const residencyErrors = (stack: Stack) => Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('Data residency rule SA'));

  it('refuses a multi-Region KMS key, which could be replicated anywhere', () => {
    // Arrange
    const { stack } = guardedStack();
    new kms.Key(stack, 'Key', { multiRegion: true, enableKeyRotation: true });

    // Act
    const errors = residencyErrors(stack);

    // Assert
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.entry.data)).toContain('multi-Region KMS key');
  });

  it('refuses a table replica in a region outside allowedRegions', () => {
    // Arrange
    const { stack } = guardedStack();
    new dynamodb.TableV2(stack, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      replicas: [{ region: 'us-east-1' }],
    });

    // Act
    const errors = residencyErrors(stack);

    // Assert
    expect(errors.map((error) => String(error.entry.data))).toEqual([expect.stringContaining('replicates the table to region us-east-1')]);
  });

  it('refuses a rule target in another region', () => {
    // Arrange
    const { stack } = guardedStack();
    const rule = new events.Rule(stack, 'Rule', { eventPattern: { source: ['rabhan.platform'] } });
    rule.addTarget({ bind: () => ({ arn: 'arn:aws:events:us-east-1:123456789012:event-bus/elsewhere' }) });

    // Act
    const errors = residencyErrors(stack);

    // Assert
    expect(errors.map((error) => String(error.entry.data))).toEqual([expect.stringContaining('region us-east-1')]);
  });

  it('accepts resources that stay in the allowed region', () => {
    // Arrange
    const { stack } = guardedStack();
    new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new dynamodb.TableV2(stack, 'Table', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING } });

    // Act
    const errors = residencyErrors(stack);

    // Assert
    expect(errors).toEqual([]);
  });
});
