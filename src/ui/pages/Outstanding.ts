import { callServer } from '../lib/server';
import { mountOutstanding } from '../outstanding';

void mountOutstanding(document.getElementById('app')!, callServer);
