const m = require('fontkit');
const v8 = require('v8');
v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored fontkit', Object.keys(m).length); });
