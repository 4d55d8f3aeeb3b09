// iam/new-account-events.yaml, the CloudFormation template behind "new accounts served":
// parsed as YAML with CloudFormation's short-form tags (!Ref, !GetAtt, !Sub), and checked
// to route exactly the Organizations account events to the GitHub repository dispatch
// that .github/workflows/new-account.yml listens for, with the token kept out of it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, type ScalarTag } from 'yaml';
import { loadWorkflows } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEXT = readFileSync(`${ROOT}iam/new-account-events.yaml`, 'utf8');

/** CloudFormation's short forms as the long forms they stand for ({"Ref": x}, {"Fn::GetAtt": x}, ...). */
const CFN_TAGS: ScalarTag[] = [
  ['!Ref', 'Ref'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!Sub', 'Fn::Sub'],
].map(([tag = '', name = '']) => ({ tag, resolve: (value: string) => ({ [name]: value }) }));

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}
interface Template {
  Resources: Record<string, Resource>;
  Parameters: Record<string, unknown>;
}

const template = parse(TEXT, { customTags: CFN_TAGS }) as Template;
const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const [ruleId, rule] = ofType('AWS::Events::Rule')[0] ?? [];
const [destinationId, destination] = ofType('AWS::Events::ApiDestination')[0] ?? [];
const [, connection] = ofType('AWS::Events::Connection')[0] ?? [];

interface Target {
  Arn: unknown;
  RoleArn: unknown;
  InputTransformer: { InputPathsMap: Record<string, string>; InputTemplate: string };
  HttpParameters: { HeaderParameters: Record<string, string> };
}

describe('iam/new-account-events.yaml', () => {
  it('parses with the CloudFormation tags and has one rule, one API destination and one connection', () => {
    const doc = parseDocument(TEXT, { customTags: CFN_TAGS });
    expect([...doc.errors, ...doc.warnings].map((e) => e.message)).toEqual([]);
    expect(ruleId).toBeDefined();
    expect(destinationId).toBeDefined();
    expect(connection).toBeDefined();
    expect(ofType('AWS::Events::Rule')).toHaveLength(1);
  });

  it('matches the four Organizations account events (and UntagResource) delivered via CloudTrail', () => {
    const pattern = rule?.Properties.EventPattern as { source: string[]; 'detail-type': string[]; detail: Record<string, string[]> };
    expect(pattern.source).toEqual(['aws.organizations']);
    // CreateAccountResult is a service event, the others API calls
    expect(pattern['detail-type'].sort()).toEqual(['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail']);
    expect(pattern.detail.eventSource).toEqual(['organizations.amazonaws.com']);
    expect(pattern.detail.eventName).toEqual(
      expect.arrayContaining(['CreateAccountResult', 'MoveAccount', 'TagResource', 'AcceptHandshake']),
    );
  });

  it('targets the API destination, which POSTs to the repository dispatch endpoint', () => {
    const targets = rule?.Properties.Targets as Target[];
    expect(targets).toHaveLength(1);
    expect(targets[0]?.Arn).toEqual({ 'Fn::GetAtt': `${destinationId}.Arn` });
    expect(destination?.Properties).toMatchObject({
      HttpMethod: 'POST',
      InvocationEndpoint: { 'Fn::Sub': 'https://api.github.com/repos/${GitHubRepository}/dispatches' },
      ConnectionArn: { 'Fn::GetAtt': expect.stringMatching(/\.Arn$/) },
    });
    expect(targets[0]?.HttpParameters.HeaderParameters.Accept).toBe('application/vnd.github+json');
  });

  it('sends the dispatch type new-account.yml listens for', () => {
    const target = (rule?.Properties.Targets as Target[])[0];
    const paths = target?.InputTransformer.InputPathsMap ?? {};
    const body = (target?.InputTransformer.InputTemplate ?? '').replace(/<(\w+)>/g, (_, name: string) => {
      expect(paths, `placeholder <${name}>`).toHaveProperty(name);
      return 'x';
    });
    const parsed = JSON.parse(body) as { event_type: string; client_payload: object };
    const workflow = loadWorkflows(ROOT).find((f) => f.file === 'new-account.yml')?.workflow;
    const on = workflow?.on as { repository_dispatch: { types: string[] } } | undefined;
    expect(on?.repository_dispatch.types).toEqual([parsed.event_type]);
    expect(parsed.client_payload).toBeTypeOf('object');
  });

  it('keeps the token in Secrets Manager: a dynamic reference, never a literal', () => {
    const auth = connection?.Properties.AuthParameters as {
      ApiKeyAuthParameters: { ApiKeyName: string; ApiKeyValue: { 'Fn::Sub': string } };
    };
    expect(auth.ApiKeyAuthParameters.ApiKeyName).toBe('Authorization');
    expect(auth.ApiKeyAuthParameters.ApiKeyValue['Fn::Sub']).toMatch(
      /^Bearer \{\{resolve:secretsmanager:\$\{TokenSecretName\}:SecretString:token\}\}$/,
    );
    expect(TEXT).not.toMatch(/\b(ghp_|github_pat_)[A-Za-z0-9_]{10,}/);
  });

  it('lets EventBridge invoke that destination and nothing else', () => {
    const roleArn = (rule?.Properties.Targets as Target[])[0]?.RoleArn as { 'Fn::GetAtt': string };
    const role = template.Resources[roleArn['Fn::GetAtt'].replace(/\.Arn$/, '')];
    const statements = (role?.Properties.Policies as { PolicyDocument: { Statement: unknown[] } }[]).flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'events:InvokeApiDestination', Resource: { 'Fn::GetAtt': `${destinationId}.Arn` } },
    ]);
  });
});
