import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_KEYS, PERMISSION_KEYS } from '../../shared/kernel/deployment/kms-keys.ts';
import { GATEWAY_RESPONSES, gatewayResponseTemplate } from '../../shared/kernel/http/gateway-responses.ts';
import { resourcePaths } from '../../shared/kernel/http/api-resources.ts';
import { AUTHORIZER_HANDLER_ENTRY, PARTNER_CALLBACK_PATH_PREFIX, routeList, routes, type RouteDefinition } from '../../shared/catalog/routes.ts';
import { REQUEST_BODY_SIZE_MAX_BYTES, WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP, WAF_RATE_LIMIT_PER_IP } from '../../lib/constructs/api-firewall.ts';
import { FUNCTION_ARCHITECTURE, FUNCTION_RUNTIME } from '../../lib/constructs/rabhan-function.ts';
import { API_STAGE_NAME, methodSettingKey, pathParameterNames, STAGE_THROTTLE } from '../../lib/stacks/api-stack.ts';
import {
  actionsOf,
  apiResourcePaths,
  buildTestApp,
  functionsByHandlerEntry,
  methodPath,
  resourcesOfType,
  statementsOfFunction,
  templateOf,
} from './support/test-app.ts';

/** API Gateway method-setting paths escape `/` as `~1`. */
const escapedPath = (path: string): string => path.replaceAll('/', '~1');

describe('the API stack', () => {
  let template: Template;
  /** The route handlers' functions live in a stack of their own (lib/stacks/route-functions-stack.ts). */
  let functionTemplate: Template;

  beforeAll(() => {
    const { stacks } = buildTestApp();
    template = templateOf(stacks.api);
    functionTemplate = templateOf(stacks.routeFunctions);
  });

  /** The API stack reaches a route's function through an import of the function stack's export of its ARN. */
  const importOf = (functionLogicalId: string | undefined) => Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp(`${functionLogicalId ?? 'none'}Arn`) });

  it('serves a regional REST API with one method per route, at the route path and with the route method, and ANY on every other resource', () => {
    // Arrange
    const paths = apiResourcePaths(template);
    const resourcesWithoutAny = resourcePaths(routeList).filter((path) => !routeList.some((route) => route.path === path && route.method === 'ANY'));
    const expected = [...routeList.map((route) => `${route.method} ${route.path}`), ...resourcesWithoutAny.map((path) => `ANY ${path}`)].sort();

    // Act
    const served = [...resourcesOfType(template, 'AWS::ApiGateway::Method').values()]
      .map((method) => `${String(method.Properties.HttpMethod)} ${methodPath(paths, method)}`)
      .sort();

    // Assert
    expect(served).toEqual(expected);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
  });

  it('answers unknown paths with the catch-all: ANY on {proxy+}', () => {
    // Arrange
    const catchAll = routeList.filter((route) => route.path.includes('{proxy+}'));

    // Act
    const paths = [...apiResourcePaths(template).values()];

    // Assert
    expect(catchAll).toEqual([expect.objectContaining({ method: 'ANY', path: '/{proxy+}' })]);
    expect(paths).toContain('/{proxy+}');
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'ANY' });
  });

  it("routes every method a resource does not declare to the catch-all's function, public, which answers 405 from the route table", () => {
    // Arrange
    const paths = apiResourcePaths(template);
    const catchAllFunctionId = functionsByHandlerEntry(functionTemplate).get(routes.routeNotFound.handlerEntry)?.logicalId;
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      ResourceId: { Ref: Match.anyValue() },
      Integration: { Type: 'AWS_PROXY', Uri: { 'Fn::Join': ['', Match.arrayWith([importOf(catchAllFunctionId)])] } },
    });
    const trialBalanceResource = [...paths].find(([, path]) => path === routes.getTrialBalance.path)?.[0];

    // Act
    const anyMethods = [...resourcesOfType(template, 'AWS::ApiGateway::Method').values()].filter((method) => method.Properties.HttpMethod === 'ANY');

    // Assert
    expect(catchAllFunctionId).toBeDefined();
    expect(anyMethods.map((method) => methodPath(paths, method)).sort()).toEqual(resourcePaths(routeList).sort());
    for (const method of anyMethods) {
      expect(method.Properties).toMatchObject({
        AuthorizationType: 'NONE',
        Integration: { Type: 'AWS_PROXY', Uri: { 'Fn::Join': ['', expect.arrayContaining([{ 'Fn::ImportValue': expect.stringMatching(`${catchAllFunctionId}Arn`) }])] } },
      });
    }
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', ResourceId: { Ref: trialBalanceResource } });
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'ANY', ResourceId: { Ref: trialBalanceResource } });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: importOf(catchAllFunctionId),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/\\*/\\*/\\*$')])] },
    });
  });

  it('answers every error API Gateway raises itself in the documented format, from the shared definitions', () => {
    const responses = [...resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse').values()];
    expect(responses.map((response) => response.Properties.ResponseType).sort()).toEqual(GATEWAY_RESPONSES.map((definition) => definition.type).sort());
    for (const definition of GATEWAY_RESPONSES) {
      const installed = responses.find((response) => response.Properties.ResponseType === definition.type)!;
      expect(installed.Properties.ResponseTemplates).toEqual({ 'application/json': gatewayResponseTemplate(definition) });
      expect(installed.Properties.ResponseParameters).toMatchObject({ 'gatewayresponse.header.Strict-Transport-Security': expect.stringMatching(/^'max-age=\d+/) });
    }
    const throttled = responses.find((response) => response.Properties.ResponseType === 'THROTTLED')!;
    expect(throttled.Properties).toMatchObject({ StatusCode: '429', ResponseParameters: { 'gatewayresponse.header.Retry-After': "'1'" } });
    const unknownMethod = responses.find((response) => response.Properties.ResponseType === 'MISSING_AUTHENTICATION_TOKEN')!;
    expect(unknownMethod.Properties.StatusCode).toBe('404');
  });

  it("throttles the stage and every route with the route table's own limits", () => {
    // Arrange
    const expectedRouteSettings = routeList.map((route) =>
      Match.objectLike({
        ResourcePath: `/${escapedPath(route.path)}`,
        HttpMethod: route.method === 'ANY' ? '*' : route.method,
        ThrottlingRateLimit: route.throttle.rateLimitPerSecond,
        ThrottlingBurstLimit: route.throttle.burstLimit,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
      }),
    );

    // Act and Assert
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: API_STAGE_NAME,
      TracingEnabled: true,
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          ResourcePath: '/*',
          HttpMethod: '*',
          ThrottlingRateLimit: STAGE_THROTTLE.rateLimitPerSecond,
          ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
        ...expectedRouteSettings,
      ]),
    });
  });

  it('addresses ANY methods as * in method settings and names every path parameter', () => {
    // Arrange
    const anyRoute = { path: '/{proxy+}', method: 'ANY' } as const;

    // Act
    const results = [methodSettingKey(anyRoute), pathParameterNames('/v1/customers/{customerId}/x/{assessmentId}'), pathParameterNames('/{proxy+}')];

    // Assert
    expect(results).toEqual(['/{proxy+}/*', ['customerId', 'assessmentId'], ['proxy']]);
  });

  it('builds one arm64, nodejs22.x, actively traced function per route and one for the authorizer', () => {
    // Arrange
    const functions = new Map([...functionsByHandlerEntry(functionTemplate), ...functionsByHandlerEntry(template)]);
    const expectedEntries = [...routeList.map((route) => route.handlerEntry), AUTHORIZER_HANDLER_ENTRY].sort();

    // Act
    const entries = [...functions.keys()].sort();

    // Assert
    expect(entries).toEqual(expectedEntries);
    expect(resourcesOfType(functionTemplate, 'AWS::Lambda::Function').size + resourcesOfType(template, 'AWS::Lambda::Function').size).toBe(expectedEntries.length);
    for (const { resource } of functions.values()) {
      expect(resource.Properties).toMatchObject({
        Architectures: [FUNCTION_ARCHITECTURE.name],
        Runtime: FUNCTION_RUNTIME.name,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
        Environment: {
          Variables: expect.objectContaining({
            TABLE_NAME: expect.anything(),
            EVENT_BUS_NAME: expect.anything(),
            APP_VERSION: expect.any(String),
            POWERTOOLS_SERVICE_NAME: 'rabhan',
            NODE_OPTIONS: '--enable-source-maps',
          }),
        },
      });
    }
  });

  it('puts the REQUEST authorizer on exactly the routes whose access is by role', () => {
    // Arrange
    const paths = apiResourcePaths(template);
    const authorizerId = new Capture();
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerUri: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': [authorizerId, 'Arn'] })])] }),
    });
    const byRole = new Set(routeList.filter((route) => route.access.kind === 'roles').map((route) => `${route.method} ${route.path}`));

    // Act
    const methods = [...resourcesOfType(template, 'AWS::ApiGateway::Method').values()].map((method) => ({
      key: `${String(method.Properties.HttpMethod)} ${paths.get((method.Properties.ResourceId as { Ref: string }).Ref)}`,
      authorizationType: method.Properties.AuthorizationType,
    }));

    // Assert
    expect(byRole.size).toBeGreaterThan(0);
    for (const method of methods) expect(method.authorizationType).toBe(byRole.has(method.key) ? 'CUSTOM' : 'NONE');
    const authorizerFunction = functionsByHandlerEntry(template).get(AUTHORIZER_HANDLER_ENTRY);
    expect(authorizerFunction?.logicalId).toBe(authorizerId.asString());
  });

  it('validates parameters and bodies on every method and requires each path parameter', () => {
    // Arrange
    const validatorId = new Capture();
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
    template.hasResourceProperties('AWS::ApiGateway::Method', { RequestValidatorId: { Ref: validatorId } });
    const paths = apiResourcePaths(template);

    // Act
    const methods = [...resourcesOfType(template, 'AWS::ApiGateway::Method').values()];

    // Assert
    for (const method of methods) {
      const path = paths.get((method.Properties.ResourceId as { Ref: string }).Ref) ?? '';
      expect(method.Properties.RequestValidatorId).toEqual({ Ref: validatorId.asString() });
      expect(method.Properties.RequestParameters ?? {}).toEqual(
        Object.fromEntries(pathParameterNames(path).map((name) => [`method.request.path.${name}`, true])),
      );
    }
  });

  it('associates a regional web ACL with managed rule groups, a rate rule and a 64 KiB body limit with the stage', () => {
    // Arrange
    const webAclId = new Capture();
    const stageId = new Capture();

    // Act
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [webAclId, 'Arn'] },
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith(['/stages/', { Ref: stageId }])] },
    });

    // Assert
    expect(resourcesOfType(template, 'AWS::ApiGateway::Stage').has(stageId.asString())).toBe(true);
    const webAcl = resourcesOfType(template, 'AWS::WAFv2::WebACL').get(webAclId.asString());
    expect(webAcl?.Properties).toMatchObject({
      Scope: 'REGIONAL',
      AssociationConfig: { RequestBody: { API_GATEWAY: { DefaultSizeInspectionLimit: 'KB_64' } } },
    });
    const rules = webAcl?.Properties.Rules as Array<{ Statement: Record<string, Record<string, unknown>> }>;
    const managedGroups = rules.flatMap((rule) => (rule.Statement.ManagedRuleGroupStatement ? [rule.Statement.ManagedRuleGroupStatement.Name] : []));
    expect(managedGroups.sort()).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
    expect(rules.map((rule) => rule.Statement)).toContainEqual({ RateBasedStatement: expect.objectContaining({ AggregateKeyType: 'IP' }) });
    expect(rules.map((rule) => rule.Statement)).toContainEqual({
      SizeConstraintStatement: expect.objectContaining({
        ComparisonOperator: 'GT',
        Size: REQUEST_BODY_SIZE_MAX_BYTES,
        FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
      }),
    });
  });

  it('rate-limits the exact partner callback paths per IP apart from customers, so one partner address cannot be blocked by the customer limit', () => {
    // Arrange
    const webAcl = [...resourcesOfType(template, 'AWS::WAFv2::WebACL').values()][0];
    const rules = webAcl?.Properties.Rules as Array<{ Name: string; Statement: { RateBasedStatement?: { Limit: number; ScopeDownStatement: unknown } } }>;
    const callbackRoutes = routeList.filter((route) => route.path.startsWith(PARTNER_CALLBACK_PATH_PREFIX));
    const partnerPaths = {
      OrStatement: {
        Statements: callbackRoutes.flatMap((route) => [route.path, `/${API_STAGE_NAME}${route.path}`]).map((path) => ({
          ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: path, TextTransformations: [{ Priority: 0, Type: 'NONE' }] },
        })),
      },
    };

    // Act
    const customerRule = rules.find((rule) => rule.Name === 'RateLimitPerIp')?.Statement.RateBasedStatement;
    const partnerRule = rules.find((rule) => rule.Name === 'RateLimitPerPartnerIp')?.Statement.RateBasedStatement;

    // Assert
    expect(callbackRoutes.map((route) => route.id).sort()).toEqual(['ReceivePaymentWebhook', 'ReceivePayoutWebhook', 'ReceiveRefundWebhook', 'RecordNafathOutcome']);
    expect(callbackRoutes.every((route) => route.access.kind === 'public')).toBe(true);
    expect(customerRule).toMatchObject({ Limit: WAF_RATE_LIMIT_PER_IP, ScopeDownStatement: { NotStatement: { Statement: partnerPaths } } });
    expect(partnerRule).toMatchObject({ Limit: WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP, ScopeDownStatement: partnerPaths });
    expect(WAF_PARTNER_CALLBACK_RATE_LIMIT_PER_IP).toBeGreaterThan(WAF_RATE_LIMIT_PER_IP);
  });

  it('gives the public calculator its own WAF rate rule, scoped to its exact path, tighter than the API-wide one', () => {
    // Arrange
    const webAcl = [...resourcesOfType(template, 'AWS::WAFv2::WebACL').values()][0];
    const rules = webAcl?.Properties.Rules as Array<{ Name: string; Statement: { RateBasedStatement?: { Limit: number; ScopeDownStatement: unknown } } }>;
    const route = routes.createSolarEstimate;
    const exactly = (path: string) => ({ ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: path, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } });

    // Act
    const calculatorRule = rules.find((rule) => rule.Name === `RateLimitPerIp${route.id}`)?.Statement.RateBasedStatement;

    // Assert
    expect(calculatorRule).toMatchObject({ Limit: route.edgeRateLimitPerIp, ScopeDownStatement: { OrStatement: { Statements: [exactly(route.path), exactly(`/${API_STAGE_NAME}${route.path}`)] } } });
    expect(route.edgeRateLimitPerIp).toBeLessThan(WAF_RATE_LIMIT_PER_IP);
    expect(route.access.kind).toBe('optional-sign-in');
  });

  it('logs WAF decisions with credentials redacted and API access as JSON, both to encrypted log groups', () => {
    // Arrange
    const accessLogGroupId = new Capture();

    // Act
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([{ SingleHeader: { Name: 'authorization' } }]),
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: { DestinationArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':log-group:$'), { Ref: accessLogGroupId }])] }, Format: Match.stringLikeRegexp('^\\{.*"requestId":"\\$context.requestId".*\\}$') },
    });

    // Assert
    for (const logGroup of resourcesOfType(template, 'AWS::Logs::LogGroup').values()) {
      expect(logGroup.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: expect.any(Number) });
    }
    expect(resourcesOfType(template, 'AWS::Logs::LogGroup').has(accessLogGroupId.asString())).toBe(true);
  });

  it("grants each route's function exactly the table and key actions its permissions declare", () => {
    // Arrange
    const functions = functionsByHandlerEntry(functionTemplate);
    const keyActionByPermission: Record<keyof typeof PERMISSION_KEYS, string> = {
      'pii:encrypt': 'kms:GenerateDataKey',
      'pii:decrypt': 'kms:Decrypt',
      'pii:blind-index': 'kms:GenerateMac',
      'token:sign': 'kms:Sign',
      'token:read-public-key': 'kms:GetPublicKey',
    };
    const keyPermissions = (route: RouteDefinition) =>
      route.permissions.filter((permission): permission is keyof typeof PERMISSION_KEYS => permission in PERMISSION_KEYS);

    // Act and Assert
    for (const route of routeList) {
      const fn = functions.get(route.handlerEntry);
      if (fn === undefined) throw new Error(`No function for ${route.handlerEntry}`);
      const statements = statementsOfFunction(functionTemplate, fn.resource);
      const actions = actionsOf(statements);
      expect(actions.has('dynamodb:Query'), `${route.id} reads`).toBe(route.permissions.includes('table:read'));
      expect(actions.has('dynamodb:PutItem'), `${route.id} writes`).toBe(route.permissions.includes('table:write'));
      expect(actions.has('dynamodb:Scan'), `${route.id} scans`).toBe(false);

      const variables = (fn.resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const neededKeys = new Set(keyPermissions(route).map((permission) => PERMISSION_KEYS[permission]));
      const keyVariables = Object.values(APPLICATION_KEYS).map((key) => key.environmentVariable).filter((name) => name in variables);
      expect(keyVariables.sort(), `${route.id} key variables`).toEqual([...neededKeys].map((name) => APPLICATION_KEYS[name].environmentVariable).sort());
      for (const keyName of neededKeys) {
        const keyArn = JSON.stringify(variables[APPLICATION_KEYS[keyName].environmentVariable]);
        const granted = actionsOf(statements.filter((statement) => JSON.stringify(statement.Resource) === keyArn));
        const expected = keyPermissions(route).filter((permission) => PERMISSION_KEYS[permission] === keyName).map((permission) => keyActionByPermission[permission]);
        expect([...granted].sort(), `${route.id} on ${keyName}`).toEqual([...new Set(expected)].sort());
      }
    }
  });

  it('binds personal-data keys to the table through the encryption context', () => {
    // Arrange
    const piiRoute = routeList.find((route) => route.permissions.includes('pii:decrypt'));
    if (piiRoute === undefined) throw new Error('No route decrypts personal data');
    const fn = functionsByHandlerEntry(functionTemplate).get(piiRoute.handlerEntry);

    // Act
    const statements = statementsOfFunction(functionTemplate, fn!.resource);

    // Assert
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['kms:Decrypt']),
        Condition: { StringEquals: { 'kms:EncryptionContext:table': expect.anything() } },
      }),
    );
  });
});
