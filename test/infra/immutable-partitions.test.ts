/**
 * Journals and audit entries are immutable by IAM, not only by convention: every function role in the app carries an
 * explicit Deny of UpdateItem, DeleteItem and BatchWriteItem on the partitions that hold them, on the same table it
 * is granted. The partition patterns are checked against the real key builders, so a key layout change that moved
 * either entity out of its partition, or another entity into one, fails here.
 */
import type { Stack } from 'aws-cdk-lib';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE_PARTITION_DENIED_ACTIONS } from '../../lib/constructs/rabhan-function.ts';
import { keys } from '../../shared/catalog/keys.ts';
import { IMMUTABLE_KEY_MEMBERS, partitionSamples } from '../support/key-samples.ts';
import { buildTestApp, resourcesOfType, statementsOfFunction, templateOf } from './support/test-app.ts';

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';

/** How IAM's StringLike matches: `*` is any run of characters, `?` any one; everything else is literal. */
function stringLike(pattern: string, value: string): boolean {
  const expression = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${expression}$`).test(value);
}

describe('immutable journal and audit partitions', () => {
  let templates: Map<string, Template>;
  let routeFunctionsTemplate: Template;

  beforeAll(() => {
    const { stacks } = buildTestApp();
    templates = new Map(Object.values(stacks).map((stack: Stack) => [stack.stackName, templateOf(stack)]));
    routeFunctionsTemplate = templates.get(stacks.routeFunctions.stackName)!;
  });

  it('deny every function role UpdateItem, DeleteItem and BatchWriteItem on journal and audit partitions of the table it writes', () => {
    // Arrange
    const functions = [...templates].flatMap(([stackName, template]) =>
      [...resourcesOfType(template, 'AWS::Lambda::Function')].map(([logicalId, resource]) => ({ name: `${stackName}/${logicalId}`, template, resource })),
    );
    const writers = functions.filter(({ template, resource }) =>
      statementsOfFunction(template, resource).some((statement) => statement.Effect === 'Allow' && [statement.Action].flat().includes('dynamodb:PutItem')),
    );

    // Act and Assert
    expect(functions.length).toBeGreaterThan(10);
    expect(writers.length).toBeGreaterThan(0);
    for (const { name, template, resource } of functions) {
      const roleLogicalId = (resource.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const deniedTable = new Capture();
      const leadingKeys = new Capture();
      template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        Roles: Match.arrayWith([{ Ref: roleLogicalId }]),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              // CDK sorts actions; arrayWith matches in order.
              Action: Match.arrayWith(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem']),
              Resource: deniedTable,
              Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
            }),
          ]),
        },
      });
      const patterns = leadingKeys.asArray() as string[];
      expect(patterns.some((pattern) => stringLike(pattern, keys.journal(keys.planLedger(ID), ID).PK)), `${name} journals`).toBe(true);
      expect(patterns.some((pattern) => stringLike(pattern, keys.auditEntry(keys.customer(ID).PK, 1).PK)), `${name} audit entries`).toBe(true);
      if (!writers.some((writer) => writer.resource === resource)) continue;
      const writeGrant = statementsOfFunction(template, resource).find((statement) => statement.Effect === 'Allow' && [statement.Action].flat().includes('dynamodb:UpdateItem'));
      expect(deniedTable.asObject(), `${name} denies on the table it writes`).toEqual(writeGrant?.Resource);
    }
  });

  it('deny the partitions of every journal and audit key, and of no other key the table holds', () => {
    // Arrange
    const leadingKeys = new Capture();
    routeFunctionsTemplate.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } } })]) },
    });
    const patterns = leadingKeys.asArray() as string[];
    const tableKeys = Object.entries(partitionSamples(ID)).filter(([, sample]) => sample.space === 'table');

    // Act
    const deniedByMember = tableKeys.map(([member, sample]) => [member, sample.partitions.map((partition) => patterns.some((pattern) => stringLike(pattern, partition)))] as const);

    // Assert
    for (const [member, denied] of deniedByMember) {
      expect(denied, member).toEqual(denied.map(() => IMMUTABLE_KEY_MEMBERS.has(member as keyof typeof keys)));
    }
    expect(deniedByMember.filter(([, denied]) => denied.includes(true)).map(([member]) => member).sort()).toEqual([...IMMUTABLE_KEY_MEMBERS].sort());
    // Appending stays allowed: new entries are put, guarded by attribute_not_exists in code.
    expect(IMMUTABLE_PARTITION_DENIED_ACTIONS).not.toContain('dynamodb:PutItem');
  });
});
