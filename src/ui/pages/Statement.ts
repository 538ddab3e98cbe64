import { callServer } from '../lib/server';
import { mountStatement } from '../statement';

void mountStatement(document.getElementById('app')!, callServer);
