// Channels and events for portal windows, clipboard, retest, setup report (issue 5).
// import { z } from 'zod';
// import { channel, event } from '../define';

export const wizardChannels = {};

export const wizardEvents = {};
