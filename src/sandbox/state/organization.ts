// One AWS organization: its root, OUs, member accounts, tags and delegated administrators.
import { AwsError } from '../errors.js';

export interface Account {
  Id: string;
  Arn: string;
  Email: string;
  Name: string;
  State: 'ACTIVE';
  /** retired by AWS but still returned */
  Status: 'ACTIVE';
  JoinedMethod: 'CREATED' | 'INVITED';
  JoinedTimestamp: number;
  parentId: string;
}

export interface OrganizationalUnit {
  Id: string;
  Arn: string;
  Name: string;
  parentId: string;
}

export interface CreateAccountStatus {
  Id: string;
  AccountName: string;
  State: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  RequestedTimestamp: number;
  CompletedTimestamp?: number;
  AccountId?: string;
  FailureReason?: string;
}

export class Organization {
  readonly accounts = new Map<string, Account>();
  readonly ous = new Map<string, OrganizationalUnit>();
  readonly tags = new Map<string, Map<string, string>>();
  /** account id → service principal → registration time (epoch seconds) */
  readonly delegatedAdmins = new Map<string, Map<string, number>>();
  readonly createAccountStatuses = new Map<string, CreateAccountStatus>();
  instanceArn = '';

  constructor(
    readonly id: string,
    readonly rootId: string,
    readonly managementAccountId: string,
    readonly createdAt: number,
  ) {}

  get arn(): string {
    return `arn:aws:organizations::${this.managementAccountId}:organization/${this.id}`;
  }

  get rootArn(): string {
    return `arn:aws:organizations::${this.managementAccountId}:root/${this.id}/${this.rootId}`;
  }

  accountArn(accountId: string): string {
    return `arn:aws:organizations::${this.managementAccountId}:account/${this.id}/${accountId}`;
  }

  ouArn(ouId: string): string {
    return `arn:aws:organizations::${this.managementAccountId}:ou/${this.id}/${ouId}`;
  }

  addAccount(accountId: string, name: string, email: string, joinedMethod: Account['JoinedMethod'], joinedAt: number): Account {
    const account: Account = {
      Id: accountId,
      Arn: this.accountArn(accountId),
      Email: email,
      Name: name,
      State: 'ACTIVE',
      Status: 'ACTIVE',
      JoinedMethod: joinedMethod,
      JoinedTimestamp: joinedAt,
      parentId: this.rootId,
    };
    this.accounts.set(accountId, account);
    return account;
  }

  account(accountId: string): Account {
    const account = this.accounts.get(accountId);
    if (!account) throw new AwsError('AccountNotFoundException', `You specified an account that doesn't exist: ${accountId}`);
    return account;
  }

  isParent(id: string): boolean {
    return id === this.rootId || this.ous.has(id);
  }

  /** Throws `exceptionType` (ParentNotFoundException, ...) when `id` is neither the root nor an OU. */
  requireParent(id: string, exceptionType = 'ParentNotFoundException'): void {
    if (!this.isParent(id)) throw new AwsError(exceptionType, `We can't find a root or OU with the ParentId that you specified: ${id}`);
  }

  ou(ouId: string): OrganizationalUnit {
    const ou = this.ous.get(ouId);
    if (!ou)
      throw new AwsError(
        'OrganizationalUnitNotFoundException',
        `We can't find an OU with the OrganizationalUnitId that you specified: ${ouId}`,
      );
    return ou;
  }

  /** An account, OU or root id that tags may be attached to; TargetNotFoundException otherwise. */
  requireTaggable(resourceId: string): void {
    if (!this.accounts.has(resourceId) && !this.isParent(resourceId)) {
      throw new AwsError('TargetNotFoundException', `We can't find a resource with the ResourceId that you specified: ${resourceId}`);
    }
  }

  isDelegatedAdmin(accountId: string, servicePrincipal?: string): boolean {
    const services = this.delegatedAdmins.get(accountId);
    if (!services) return false;
    return servicePrincipal === undefined ? services.size > 0 : services.has(servicePrincipal);
  }
}
