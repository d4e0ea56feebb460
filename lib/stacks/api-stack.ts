/**
 * The regional REST API, built entirely from the route table: one Lambda function and one method per route, with
 * the route's throttle as a method setting, the Lambda REQUEST authorizer on routes whose access is by role, a
 * request validator on every method, JSON access logs and the WAF web ACL on the stage.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { GATEWAY_RESPONSES, gatewayResponseHeaders, gatewayResponseStatus, gatewayResponseTemplate } from '../../shared/kernel/http/gateway-responses.ts';
import { catchAllRoute, resourcePaths } from '../../shared/kernel/http/api-resources.ts';
import { AUTHORIZER_HANDLER_ENTRY, PARTNER_CALLBACK_PATH_PREFIX, routeList, type RouteDefinition, type RouteThrottle } from '../../shared/catalog/routes.ts';
import type { Permission } from '../../shared/kernel/deployment/permissions.ts';
import { acknowledge } from '../compliance.ts';
import { ApiFirewall } from '../constructs/api-firewall.ts';
import { FUNCTION_LOG_RETENTION, RabhanFunction, type BundlingMode, type PlatformBindings } from '../constructs/rabhan-function.ts';

export const API_STAGE_NAME = 'live';
/** Stage-wide limit above every route's own throttle; the account-level limit in the region sits above it. */
export const STAGE_THROTTLE: RouteThrottle = { rateLimitPerSecond: 1_000, burstLimit: 2_000 };
/**
 * The authorizer allows the whole stage for a valid token (see functions/identity/authorize.ts), so one cached decision
 * serves every route the token calls. Access tokens live 15 minutes; a decision is reused for at most 5.
 */
export const AUTHORIZER_RESULT_CACHE_TTL = Duration.minutes(5);
/** The authorizer only verifies tokens against the signing key's public half. */
export const AUTHORIZER_PERMISSIONS: readonly Permission[] = ['token:read-public-key'];
/**
 * Logging and metrics for every method. A method setting replaces the stage's rather than inheriting from it, so
 * each route's throttle override repeats these. Errors only, and never bodies: they carry personal data.
 */
const METHOD_OBSERVABILITY = {
  loggingLevel: apigateway.MethodLoggingLevel.ERROR,
  dataTraceEnabled: false,
  metricsEnabled: true,
} as const;
/** Header carrying the bearer access token; a request without it is refused before the authorizer runs. */
const AUTHORIZATION_HEADER = 'Authorization';

export interface ApiStackProps extends StackProps {
  readonly platform: PlatformBindings;
  /** Each route's function, by route id, from the route functions stack. */
  readonly routeFunctions: ReadonlyMap<string, RabhanFunction>;
  /**
   * Routes to serve.
   * @default routeList from shared/catalog/routes.ts
   */
  readonly routes?: readonly RouteDefinition[];
  /**
   * Stage-wide throttle.
   * @default STAGE_THROTTLE
   */
  readonly stageThrottle?: RouteThrottle;
  /**
   * How function code is packaged.
   * @default - the `rabhan:bundling` context value, else esbuild
   */
  readonly bundling?: BundlingMode;
}

/** `/v1/customers/{customerId}` → `method.request.path.customerId`; the catch-all's `{proxy+}` → `proxy`. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
}

/** API Gateway stage method settings address an ANY method as `*`. */
export function methodSettingKey(route: Pick<RouteDefinition, 'path' | 'method'>): string {
  return `${route.path}/${route.method === 'ANY' ? '*' : route.method}`;
}

/** The routes partners call back on, which the route table places under PARTNER_CALLBACK_PATH_PREFIX. */
export function partnerCallbackPaths(routes: readonly RouteDefinition[]): string[] {
  return routes.filter((route) => route.path.startsWith(PARTNER_CALLBACK_PATH_PREFIX)).map((route) => route.path);
}

/** Routes with their own edge rate limit, each as one scoped WAF rule named after the route. */
export function routeRateLimits(routes: readonly RouteDefinition[]): { name: string; paths: string[]; limitPerIp: number }[] {
  return routes
    .filter((route) => route.edgeRateLimitPerIp !== undefined)
    .map((route) => ({ name: route.id, paths: [route.path, `/${API_STAGE_NAME}${route.path}`], limitPerIp: route.edgeRateLimitPerIp! }));
}

export class ApiStack extends Stack {
  readonly api: apigateway.RestApi;
  readonly functions: ReadonlyMap<string, RabhanFunction>;
  readonly firewall: ApiFirewall;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const routes = props.routes ?? routeList;
    const stageThrottle = props.stageThrottle ?? STAGE_THROTTLE;

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: FUNCTION_LOG_RETENTION,
      encryptionKey: props.platform.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: 'rabhan',
      description: 'RABHAN Buy-Now-Pay-Later API',
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: API_STAGE_NAME,
        throttlingRateLimit: stageThrottle.rateLimitPerSecond,
        throttlingBurstLimit: stageThrottle.burstLimit,
        tracingEnabled: true,
        ...METHOD_OBSERVABILITY,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: apigateway.AccessLogField.contextRequestId(),
            extendedRequestId: apigateway.AccessLogField.contextExtendedRequestId(),
            requestTime: apigateway.AccessLogField.contextRequestTime(),
            sourceIp: apigateway.AccessLogField.contextIdentitySourceIp(),
            httpMethod: apigateway.AccessLogField.contextHttpMethod(),
            // The route template, not the concrete path, so ids stay out of the logs.
            resourcePath: apigateway.AccessLogField.contextResourcePath(),
            status: apigateway.AccessLogField.contextStatus(),
            protocol: apigateway.AccessLogField.contextProtocol(),
            responseLength: apigateway.AccessLogField.contextResponseLength(),
            responseLatency: apigateway.AccessLogField.contextResponseLatency(),
            integrationLatency: apigateway.AccessLogField.contextIntegrationLatency(),
            integrationStatus: apigateway.AccessLogField.contextIntegrationStatus(),
            errorType: apigateway.AccessLogField.contextErrorResponseType(),
            principalId: apigateway.AccessLogField.contextAuthorizerPrincipalId(),
            wafStatus: apigateway.AccessLogField.contextWafResponseCode(),
            xrayTraceId: apigateway.AccessLogField.contextXrayTraceId(),
          }),
        ),
        methodOptions: Object.fromEntries(
          routes.map((route) => [
            methodSettingKey(route),
            {
              ...METHOD_OBSERVABILITY,
              throttlingRateLimit: route.throttle.rateLimitPerSecond,
              throttlingBurstLimit: route.throttle.burstLimit,
            },
          ]),
        ),
      },
    });
    acknowledge(this.api, 'apiGatewayLoggingRole');
    this.addGatewayResponses();
    acknowledge(this.api.deploymentStage, 'apiNoResponseCache', 'apiLambdaBackendsOnly');

    // Body schemas are enforced by each handler (zod) so that errors keep the documented format; the validator
    // rejects requests missing a required path parameter, and WAF enforces the body size limit.
    const validator = this.api.addRequestValidator('RequestValidator', { validateRequestBody: true, validateRequestParameters: true });

    const authorizer = routes.some((route) => route.access.kind === 'roles') ? this.createAuthorizer(props) : undefined;
    for (const route of routes) {
      const fn = props.routeFunctions.get(route.id);
      if (fn === undefined) throw new Error(`Route ${route.id} has no function in the route functions stack`);
      const byRole = route.access.kind === 'roles';
      if (byRole && authorizer === undefined) throw new Error(`Route ${route.id} needs the authorizer`);
      const method = this.api.root.resourceForPath(route.path).addMethod(
        route.method,
        new apigateway.LambdaIntegration(fn.function, { proxy: true, allowTestInvoke: false }),
        {
          operationName: route.id,
          requestValidator: validator,
          requestParameters: Object.fromEntries(pathParameterNames(route.path).map((name) => [`method.request.path.${name}`, true])),
          ...(byRole ? { authorizationType: apigateway.AuthorizationType.CUSTOM, authorizer } : { authorizationType: apigateway.AuthorizationType.NONE }),
        },
      );
      acknowledge(method, byRole ? 'lambdaAuthorizerNotCognito' : 'publicRoute');
    }
    this.functions = props.routeFunctions;
    this.routeUndeclaredMethodsToCatchAll(routes, validator);

    this.firewall = new ApiFirewall(this, 'Firewall', {
      stage: this.api.deploymentStage,
      logsKey: props.platform.logsKey,
      // WAF sees the stage in the path on the execute-api endpoint and not behind a custom domain: match both.
      partnerCallbackPaths: partnerCallbackPaths(routes).flatMap((path) => [path, `/${API_STAGE_NAME}${path}`]),
      pathRateLimits: routeRateLimits(routes),
    });
  }

  /**
   * API Gateway picks a resource before a method, and answers a method the resource lacks by itself (403 Missing
   * Authentication Token) without trying the catch-all. So every resource without an `ANY` route gets an `ANY` method
   * routed to the catch-all's function, which answers 405 with `Allow` from the route table, or 404 where no route
   * lives (parent resources such as `/v1/ops`, and the root). One API-wide invoke permission covers them all.
   */
  private routeUndeclaredMethodsToCatchAll(routes: readonly RouteDefinition[], validator: apigateway.RequestValidator): void {
    const catchAll = catchAllRoute(routes);
    const catchAllFunction = catchAll === undefined ? undefined : this.functions.get(catchAll.id);
    if (catchAll === undefined || catchAllFunction === undefined) return;
    const integration = new apigateway.LambdaIntegration(catchAllFunction.function, { proxy: true, scopePermissionToMethod: false });
    for (const path of resourcePaths(routes)) {
      if (routes.some((route) => route.path === path && route.method === 'ANY')) continue;
      const method = this.api.root.resourceForPath(path).addMethod('ANY', integration, {
        operationName: catchAll.id,
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParameterNames(path).map((name) => [`method.request.path.${name}`, true])),
        authorizationType: apigateway.AuthorizationType.NONE,
      });
      acknowledge(method, 'publicRoute');
    }
  }

  private createAuthorizer(props: ApiStackProps): apigateway.RequestAuthorizer {
    const fn = new RabhanFunction(this, 'AuthorizerFunction', {
      handlerEntry: AUTHORIZER_HANDLER_ENTRY,
      description: 'API Gateway REQUEST authorizer: verifies ES256 access tokens with the cached public key.',
      platform: props.platform,
      permissions: AUTHORIZER_PERMISSIONS,
      ...(props.bundling === undefined ? {} : { bundling: props.bundling }),
    });
    return new apigateway.RequestAuthorizer(this, 'Authorizer', {
      handler: fn.function,
      identitySources: [apigateway.IdentitySource.header(AUTHORIZATION_HEADER)],
      resultsCacheTtl: AUTHORIZER_RESULT_CACHE_TTL,
    });
  }

  /** Errors API Gateway answers itself get the documented error format too (shared/kernel/http/gateway-responses.ts). */
  private addGatewayResponses(): void {
    for (const definition of GATEWAY_RESPONSES) {
      this.api.addGatewayResponse(`${definition.type}Response`, {
        type: apigateway.ResponseType.of(definition.type),
        ...(definition.keepsGatewayStatus ? {} : { statusCode: String(gatewayResponseStatus(definition)) }),
        // Static header values are written between single quotes.
        responseHeaders: Object.fromEntries(Object.entries(gatewayResponseHeaders(definition)).map(([name, value]) => [name, `'${value}'`])),
        templates: { 'application/json': gatewayResponseTemplate(definition) },
      });
    }
  }
}
