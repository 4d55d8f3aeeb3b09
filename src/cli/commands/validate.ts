// Placeholder until the validate command lands; replaced by its implementation.
import { UserError, type Command } from '../command.js';

export const command: Command = {
  name: 'validate',
  summary: 'validate',
  usage: 'usage: sso-gitops validate',
  run() {
    return Promise.reject(new UserError('validate is not implemented yet'));
  },
};
