/**
 * Builds the whole app for assertions, with inline code instead of esbuild bundles so that synthesis takes a few
 * seconds (rabhan-function.test.ts exercises the real bundling path). Helpers find resources by what they are
 * (tags, types, references), never by hashed logical ids.
 */
import { Template } from 'aws-cdk-lib/assertions';
import type { Stack } from 'aws-cdk-lib';
import { HANDLER_ENTRY_TAG } from '../../../lib/constructs/rabhan-function.ts';
import { addRabhanStacks, createRabhanApp, type RabhanStacks } from '../../../lib/rabhan-app.ts';
import type { DeploymentTarget } from '../../../lib/residency.ts';

export const TEST_TARGET: DeploymentTarget = {
  account: '123456789012',
  region: 'xx-test-1',
  residencyCountry: 'SA',
  allowedRegions: ['xx-test-1'],
};

export function buildTestApp(): { app: ReturnType<typeof createRabhanApp>; stacks: RabhanStacks } {
  const app = createRabhanApp({ context: { 'rabhan:bundling': 'inline' } });
  const stacks = addRabhanStacks(app, TEST_TARGET, { bundling: 'inline' });
  return { app, stacks };
}

export const templateOf = (stack: Stack): Template => Template.fromStack(stack);

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

export function resourcesOfType(template: Template, type: string): Map<string, CfnResourceJson> {
  return new Map(Object.entries(template.findResources(type)) as Array<[string, CfnResourceJson]>);
}

export function tagValue(resource: CfnResourceJson, key: string): string | undefined {
  const tags = (resource.Properties.Tags ?? []) as Array<{ Key: string; Value: string }>;
  return tags.find((tag) => tag.Key === key)?.Value;
}

/** Lambda functions keyed by the handler module they run. */
export function functionsByHandlerEntry(template: Template): Map<string, { logicalId: string; resource: CfnResourceJson }> {
  const byEntry = new Map<string, { logicalId: string; resource: CfnResourceJson }>();
  for (const [logicalId, resource] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const entry = tagValue(resource, HANDLER_ENTRY_TAG);
    if (entry !== undefined) byEntry.set(entry, { logicalId, resource });
  }
  return byEntry;
}

/** Every action the managed policies attached to a function's role allow, with the statements themselves. */
export function statementsOfFunction(template: Template, fn: CfnResourceJson): Array<Record<string, unknown>> {
  const roleArn = fn.Properties.Role as { 'Fn::GetAtt': [string, string] };
  const roleLogicalId = roleArn['Fn::GetAtt'][0];
  return [...resourcesOfType(template, 'AWS::IAM::ManagedPolicy').values()]
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleLogicalId))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement);
}

export function actionsOf(statements: Array<Record<string, unknown>>): Set<string> {
  return new Set(statements.flatMap((statement) => [statement.Action].flat() as string[]));
}

/** Full API paths of AWS::ApiGateway::Resource logical ids, rebuilt from their ParentId chain. */
export function apiResourcePaths(template: Template): Map<string, string> {
  const resources = resourcesOfType(template, 'AWS::ApiGateway::Resource');
  const paths = new Map<string, string>();
  const pathOf = (logicalId: string): string => {
    const known = paths.get(logicalId);
    if (known !== undefined) return known;
    const resource = resources.get(logicalId);
    if (resource === undefined) throw new Error(`No API resource ${logicalId}`);
    const parent = resource.Properties.ParentId as { Ref?: string };
    const parentPath = parent.Ref === undefined ? '' : pathOf(parent.Ref);
    const fullPath = `${parentPath}/${String(resource.Properties.PathPart)}`;
    paths.set(logicalId, fullPath);
    return fullPath;
  };
  for (const logicalId of resources.keys()) pathOf(logicalId);
  return paths;
}

/** The API path of an AWS::ApiGateway::Method: its resource's path, or `/` for a method on the root resource. */
export function methodPath(paths: ReadonlyMap<string, string>, method: CfnResourceJson): string {
  const resourceId = method.Properties.ResourceId as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (resourceId['Fn::GetAtt']?.[1] === 'RootResourceId') return '/';
  const path = resourceId.Ref === undefined ? undefined : paths.get(resourceId.Ref);
  if (path === undefined) throw new Error(`No API resource for method ${JSON.stringify(resourceId)}`);
  return path;
}
