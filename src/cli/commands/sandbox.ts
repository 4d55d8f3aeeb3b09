// Placeholder until the sandbox command lands; replaced by its implementation.
import { UserError, type Command } from '../command.js';

export const command: Command = {
  name: 'sandbox',
  summary: 'sandbox',
  usage: 'usage: sso-gitops sandbox',
  run() {
    return Promise.reject(new UserError('sandbox is not implemented yet'));
  },
};
