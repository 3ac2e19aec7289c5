/** The tests of one leg, in the order they run. */
import packageTest from './package.mjs';
import parameters from './parameters.mjs';
import credential from './credential.mjs';
import media from './media.mjs';
import trigger from './trigger.mjs';
import callback from './callback.mjs';
import batch from './batch.mjs';
import credits from './credits.mjs';
import catalogue from './catalogue.mjs';
import agent from './agent.mjs';

export const TESTS = [packageTest, parameters, credential, media, trigger, callback, batch, credits, catalogue, agent];
