import { figureLabels } from './figure-labels';
// The Entra app registration pages' words, as Entra shows them in German and English.
export const labels = figureLabels('appRegistration');
