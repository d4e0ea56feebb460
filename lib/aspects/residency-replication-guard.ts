/**
 * Keeps data inside the residency rule after synthesis has started: the residency guard (lib/residency.ts) pins
 * the stacks to an allowed region, and this aspect refuses any resource that would copy data, or send it, to a
 * region that is not allowed. It reports each finding as an error annotation, which fails `cdk synth`.
 */
import { Annotations, CfnResource, Stack, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface ResidencyReplicationGuardProps {
  readonly residencyCountry: string;
  readonly allowedRegions: readonly string[];
}

/** Resource types that replicate or fail over to another region by design, whatever their properties say. */
const ALWAYS_CROSS_REGION_TYPES: Readonly<Record<string, string>> = {
  'AWS::KMS::ReplicaKey': 'a replica of a multi-Region KMS key',
  'AWS::Events::Endpoint': 'an EventBridge global endpoint, which fails events over to a secondary region',
};

/** A region inside an ARN (`arn:aws:sqs:<region>:...`) or a regional endpoint host (`sqs.<region>.amazonaws.com`). */
const REGION_IN_ARN = /\barn:aws[\w-]*:[\w-]+:([a-z]{2}(?:-[a-z]+)+-\d+):/g;
const REGION_IN_ENDPOINT = /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com/g;

function collectStrings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
  return into;
}

function regionsNamedIn(text: string): string[] {
  return [...text.matchAll(REGION_IN_ARN), ...text.matchAll(REGION_IN_ENDPOINT)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
}

function replicaRegions(type: string, properties: Record<string, unknown>): string[] {
  if (type === 'AWS::DynamoDB::GlobalTable') {
    const replicas = Array.isArray(properties.replicas) ? (properties.replicas as Array<Record<string, unknown>>) : [];
    return replicas.flatMap((replica) => (typeof replica.region === 'string' ? [replica.region] : []));
  }
  if (type === 'Custom::DynamoDBReplica') {
    const region = properties.Region ?? properties.region;
    return typeof region === 'string' ? [region] : ['(unresolved)'];
  }
  return [];
}

export class ResidencyReplicationGuard implements IAspect {
  constructor(private readonly props: ResidencyReplicationGuardProps) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    for (const finding of this.findings(node)) {
      Annotations.of(node).addError(`Data residency rule ${this.props.residencyCountry}: ${finding} (allowed: ${this.allowedText()}).`);
    }
  }

  private allowedText(): string {
    return this.props.allowedRegions.length === 0 ? 'none' : this.props.allowedRegions.join(', ');
  }

  private findings(resource: CfnResource): string[] {
    const type = resource.cfnResourceType;
    const findings: string[] = [];
    const alwaysCrossRegion = ALWAYS_CROSS_REGION_TYPES[type];
    if (alwaysCrossRegion !== undefined) findings.push(`${type} is ${alwaysCrossRegion}`);

    // cfnProperties is protected on CfnResource; reading it is the only way to see every property of any type.
    const rawProperties = (resource as unknown as { cfnProperties: unknown }).cfnProperties;
    const properties = (Stack.of(resource).resolve(rawProperties) ?? {}) as Record<string, unknown>;

    if (type === 'AWS::KMS::Key' && properties.multiRegion === true) {
      findings.push('a multi-Region KMS key can be replicated to any region');
    }
    if (type === 'AWS::S3::Bucket' && properties.replicationConfiguration !== undefined) {
      findings.push('S3 replication copies objects to a bucket whose region cannot be checked here');
    }
    for (const region of replicaRegions(type, properties)) {
      if (!this.props.allowedRegions.includes(region)) findings.push(`${type} replicates the table to region ${region}`);
    }
    const foreignRegions = new Set(
      collectStrings(properties, []).flatMap(regionsNamedIn).filter((region) => !this.props.allowedRegions.includes(region)),
    );
    for (const region of foreignRegions) findings.push(`${type} references a resource or endpoint in region ${region}`);
    return findings;
  }
}
