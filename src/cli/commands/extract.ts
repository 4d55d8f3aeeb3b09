// Placeholder until the extract command lands; replaced by its implementation.
import { UserError, type Command } from '../command.js';

export const command: Command = {
  name: 'extract',
  summary: 'extract',
  usage: 'usage: sso-gitops extract',
  run() {
    return Promise.reject(new UserError('extract is not implemented yet'));
  },
};
