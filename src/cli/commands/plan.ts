// Placeholder until the plan command lands; replaced by its implementation.
import { UserError, type Command } from '../command.js';

export const command: Command = {
  name: 'plan',
  summary: 'plan',
  usage: 'usage: sso-gitops plan',
  run() {
    return Promise.reject(new UserError('plan is not implemented yet'));
  },
};
