import { callServer } from '../lib/server';
import { mountEditClient } from '../editClient';

void mountEditClient(document.getElementById('app')!, callServer);
