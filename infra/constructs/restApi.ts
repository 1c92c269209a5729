/**
 * API Gateway (REST, so AWS WAF can sit in front) routing each path of the apps to the Lambda
 * of its area. Throttling per stage and per credential (a WAF rate rule keyed on
 * the Authorization header), JSON access logs.
 */
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { ProxyRoute } from '../routeMap';

export interface RestApiProps {
  stage: string;
  routes: ProxyRoute[];
  functionsByGroup: Map<string, NodejsFunction>;
  /** Group serving /openapi.json and /docs. */
  docsGroup: string;
  logRetentionDays: number;
  throttle: { rateLimit: number; burstLimit: number; perCredentialPer5Min: number; publicLinkPerAddressPer5Min: number };
  /** The console's Lambda: /console and its pages, and the public pages under /p. */
  consoleFunction?: IFunction;
}

export class ComplianceRestApi extends Construct {
  readonly api: apigateway.RestApi;
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetentionDays as logs.RetentionDays });
    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: `pdpa-compliance-${props.stage}`,
      description: 'PDPA compliance API (個人資料保護法法遵 API)',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: props.stage,
        throttlingRateLimit: props.throttle.rateLimit,
        throttlingBurstLimit: props.throttle.burstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields({
          caller: false, httpMethod: true, ip: true, protocol: true, requestTime: true, resourcePath: true, responseLength: true, status: true, user: false,
        }),
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        tracingEnabled: true,
        metricsEnabled: true,
      },
      // Bodies are validated by the apps' zod schemas; API Gateway only passes them through.
      binaryMediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    });

    const integrations = new Map<string, apigateway.LambdaIntegration>();
    const integrationFor = (group: string) => {
      let integration = integrations.get(group);
      if (!integration) {
        const fn = props.functionsByGroup.get(group);
        if (!fn) throw new Error(`no Lambda for area group ${group}`);
        // One invoke permission per function for this API (not one per method and path).
        integration = new apigateway.LambdaIntegration(fn, { proxy: true, allowTestInvoke: false, scopePermissionToMethod: false });
        integrations.set(group, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const resource = this.api.root.resourceForPath(route.prefix);
      resource.addMethod('ANY', integrationFor(route.group));
      resource.addResource('{proxy+}').addMethod('ANY', integrationFor(route.group));
    }
    // The reference and its assets, and the problem-type pages every problem+json `type` links to.
    for (const path of ['/openapi.json', '/docs', '/problems']) {
      this.api.root.resourceForPath(path).addMethod('GET', integrationFor(props.docsGroup));
    }
    for (const path of ['/docs', '/problems']) {
      this.api.root.resourceForPath(path).addResource('{proxy+}').addMethod('GET', integrationFor(props.docsGroup));
    }
    if (props.consoleFunction) {
      const consoleIntegration = new apigateway.LambdaIntegration(props.consoleFunction, { proxy: true, allowTestInvoke: false, scopePermissionToMethod: false });
      const consoleRoot = this.api.root.resourceForPath('/console');
      consoleRoot.addMethod('ANY', consoleIntegration);
      consoleRoot.addResource('{proxy+}').addMethod('ANY', consoleIntegration);
      this.api.root.resourceForPath('/p').addResource('{proxy+}').addMethod('ANY', consoleIntegration);
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `pdpa-${props.stage}-waf` },
      rules: [
        // The common set blocks bodies over 8 KB (SizeRestrictions_BODY); plan versions and
        // inventory imports are larger, so that one rule only counts. Body size is enforced by the
        // app (bodyLimitBytes → 413) and by API Gateway/Lambda's own payload limits.
        managedRule('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'PerCredentialRateLimit',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.throttle.perCredentialPer5Min,
              aggregateKeyType: 'CUSTOM_KEYS',
              customKeys: [{ header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'PerCredentialRateLimit' },
        },
        {
          // Public links carry their credential in the path: bound token guessing per address across
          // all Lambda instances (the app's in-memory throttle counts per instance).
          name: 'PublicLinkPerAddressRateLimit',
          priority: 4,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.throttle.publicLinkPerAddressPer5Min,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'CONTAINS',
                  searchString: '/v1/public/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'PublicLinkPerAddressRateLimit' },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', { resourceArn: this.api.deploymentStage.stageArn, webAclArn: this.webAcl.attrArn });
  }
}

function managedRule(name: string, priority: number, countOnly: string[] = []): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(countOnly.length ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
  };
}
