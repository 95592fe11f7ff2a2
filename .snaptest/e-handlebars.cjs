const m = require('handlebars');
const v8 = require('v8');
v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored handlebars', Object.keys(m).length); });
