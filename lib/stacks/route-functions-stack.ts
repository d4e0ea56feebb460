/**
 * The route handlers' functions, apart from the API that invokes them. A CloudFormation stack holds at most 500
 * resources: each function brings five (function, role, policy, log group, and the API's invoke permission, which
 * stays in the API stack), and the REST API's resources and methods take over 200 more. Kept together they passed
 * the limit at 66 routes; here one stack holds up to about 95 route functions (docs/deployment.md).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routeList, type RouteDefinition } from '../../shared/catalog/routes.ts';
import { RabhanFunction, type BundlingMode, type PlatformBindings } from '../constructs/rabhan-function.ts';

export interface RouteFunctionsStackProps extends StackProps {
  readonly platform: PlatformBindings;
  /**
   * Routes whose handlers to deploy.
   * @default routeList from shared/catalog/routes.ts
   */
  readonly routes?: readonly RouteDefinition[];
  /**
   * How function code is packaged.
   * @default - the `rabhan:bundling` context value, else esbuild
   */
  readonly bundling?: BundlingMode;
}

export class RouteFunctionsStack extends Stack {
  /** By route id. */
  readonly functions: ReadonlyMap<string, RabhanFunction>;

  constructor(scope: Construct, id: string, props: RouteFunctionsStackProps) {
    super(scope, id, props);
    const functions = new Map<string, RabhanFunction>();
    for (const route of props.routes ?? routeList) {
      functions.set(
        route.id,
        new RabhanFunction(this, `${route.id}Function`, {
          handlerEntry: route.handlerEntry,
          description: `${route.method} ${route.path}: ${route.summary}`,
          platform: props.platform,
          permissions: route.permissions,
          ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
        }),
      );
    }
    this.functions = functions;
  }
}
