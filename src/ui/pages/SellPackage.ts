import { callServer } from '../lib/server';
import { mountSellPackage } from '../sellPackage';

void mountSellPackage(document.getElementById('app')!, callServer);
