const m = require('yaml');
const v8 = require('v8');
v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored yaml', Object.keys(m).length); });
