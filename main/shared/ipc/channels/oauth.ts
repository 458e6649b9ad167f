// Channels and events for modern authentication (issue 7).
// import { z } from 'zod';
// import { channel, event } from '../define';

export const oauthChannels = {};

export const oauthEvents = {};
