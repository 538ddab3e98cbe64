import { mountDdChanges } from '../ddChanges';
import { callServer } from '../lib/server';

void mountDdChanges(document.getElementById('app')!, callServer);
